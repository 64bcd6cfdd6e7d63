package dk.rammearkitektur.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test class (with {@code @SpringBootTest} or any Spring test context): starts the simulators the
 * auto-configured clients need for the test's application context, sets the {@code rammearkitektur.*} properties to
 * point at them (ahead of the application's own, see {@link SimulatorProperties}) and switches on the client sections
 * named in {@link #clients()}. Always a {@code ServiceplatformSimulator} (with its STS and the support systems); a
 * {@code DigitalPostSimulator} on the same test PKI when {@code digital-post} is among the sections; a
 * {@code BeskedfordelerSimulator} (an embedded AMQP broker that takes seconds to start) only with
 * {@link #beskedfordeler()}. The simulators are beans of the context (inject them to seed data, read the mailbox or
 * inject faults) and stop when the context closes. Needs {@code rammearkitektur-testkit} and {@code spring-test} on the
 * test class path, and {@code rammearkitektur-testkit-beskedfordeler} for the Beskedfordeler.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RammearkitekturSimulatorTest {
    /**
     * The client sections to switch on: {@code serviceplatform}, {@code klassifikation}, {@code organisation},
     * {@code case-index}, {@code benefit-index} (both with the simulator's seeded owner and IT system),
     * {@code digital-post}, {@code beskedfordeler} (as {@link #beskedfordeler()}).
     */
    String[] clients() default {"serviceplatform", "klassifikation", "organisation", "digital-post"};

    /**
     * Also start the Beskedfordeler simulator, with the Serviceplatformen simulator as its STS and following the
     * Digital Post simulator's delivery statuses when that runs, and switch on {@code rammearkitektur.beskedfordeler}.
     */
    boolean beskedfordeler() default false;
}
