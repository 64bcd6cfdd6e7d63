/**
 * The reference demo: {@link dk.rammearkitektur.examples.demo.ReferenceDemo} follows a sickness-benefit case through
 * a municipality against the embedded simulators (also {@code rammearkitektur demo}). Start with
 * {@link dk.rammearkitektur.examples.demo.ReferenceDemo#run(java.io.PrintWriter)}.
 */
package dk.rammearkitektur.examples.demo;
