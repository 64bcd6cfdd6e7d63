package dk.rammearkitektur.cli;

import dk.rammearkitektur.examples.demo.ReferenceDemo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur demo}: runs the reference demo ({@link ReferenceDemo}), a sickness-benefit case through a
 * municipality against the embedded Serviceplatformen and Digital Post simulators. Exit code 0 when all seven steps
 * succeeded, 1 otherwise.
 */
@Command(name = "demo", description = "Run the reference demo: a sickness-benefit case against the embedded simulators.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ReferenceDemo.run(spec.commandLine().getOut());
    }
}
