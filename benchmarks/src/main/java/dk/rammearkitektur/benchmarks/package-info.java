/**
 * JMH benchmarks of the SDK's hot paths, each paired with a baseline measured in the same run: a method {@code sdk}
 * and a method {@code baseline} per class. {@link dk.rammearkitektur.benchmarks.RatioTable} turns the JMH JSON result
 * into the ratio table; {@link dk.rammearkitektur.benchmarks.LargeAttachmentCheck} and
 * {@link dk.rammearkitektur.benchmarks.StsTokenCheck} are the two absolute checks. Start with the module's README.md.
 */
package dk.rammearkitektur.benchmarks;
