package dk.rammearkitektur.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator} once for the annotated test
 * class and stops it after the class. Test constructors and methods may declare parameters of type
 * {@code ServiceplatformSimulator} (the started simulator) and {@code ServiceplatformClient} (a client configured for
 * it by {@link SimulatorClients#invocationContext}, one per class, closed after the class).
 *
 * <pre>{@code
 * @ServiceplatformSimulatorTest
 * class MyTest {
 *     @Test
 *     void looksUp(ServiceplatformClient client) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ServiceplatformSimulatorExtension.class)
public @interface ServiceplatformSimulatorTest {
    /** Whether the simulator fails non-conforming calls (true) or only records them. */
    boolean strict() default true;
}
