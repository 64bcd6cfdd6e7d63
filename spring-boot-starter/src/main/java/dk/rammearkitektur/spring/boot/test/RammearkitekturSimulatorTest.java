package dk.rammearkitektur.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test class (with {@code @SpringBootTest} or any Spring test context): starts a
 * {@code ServiceplatformSimulator} (the testkit) for the test's application context, sets the shared
 * {@code rammearkitektur.*} properties to point at it (ahead of the application's own, see
 * {@link SimulatorProperties}) and switches on the client sections named in {@link #clients()}. The simulator is a
 * bean of the context (inject it to seed data or inject faults) and stops when the context closes. Needs
 * {@code rammearkitektur-testkit} and {@code spring-test} on the test class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RammearkitekturSimulatorTest {
    /** The client sections to switch on: {@code serviceplatform}, {@code klassifikation}, {@code organisation}. */
    String[] clients() default {"serviceplatform", "klassifikation", "organisation"};
}
