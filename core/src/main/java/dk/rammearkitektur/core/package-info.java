/**
 * What every module shares: the exception hierarchy rooted at {@link dk.rammearkitektur.core.RammearkitekturException},
 * {@link dk.rammearkitektur.core.ValidationException} with field-path {@link dk.rammearkitektur.core.Violation}s,
 * masking of personal data ({@link dk.rammearkitektur.core.PersonalData}), and call policies
 * ({@link dk.rammearkitektur.core.RetryPolicy}, {@link dk.rammearkitektur.core.Timeouts}).
 */
package dk.rammearkitektur.core;
