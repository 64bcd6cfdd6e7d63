package dk.rammearkitektur.testkit.digitalpost;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against one started {@link DigitalPostSimulator}: test methods (and constructors) may take
 * a {@link DigitalPostSimulator} and a {@link dk.rammearkitektur.clients.digitalpost.DigitalPostClient} configured for
 * it. The simulator is reset before each test and closed after the class.
 *
 * <pre>{@code
 * @DigitalPostSimulatorTest
 * class LetterTest {
 *     @Test
 *     void sends(DigitalPostSimulator sim, DigitalPostClient client) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DigitalPostSimulatorExtension.class)
public @interface DigitalPostSimulatorTest {
    /** Strict (default): broken rules refuse the message; false: recorded only. */
    boolean strict() default true;
}
