/**
 * The domain model shared by every fagsystem built on the SDK: {@link dk.rammearkitektur.model.Case} (sag),
 * {@link dk.rammearkitektur.model.Document} (dokument), {@link dk.rammearkitektur.model.Party} (part: person,
 * company, organisation unit) and {@link dk.rammearkitektur.model.Benefit} (ydelse), with their identifiers
 * ({@link dk.rammearkitektur.model.Cpr}, {@link dk.rammearkitektur.model.Cvr}, {@link dk.rammearkitektur.model.KleNumber},
 * typed UUIDs) and bitemporal {@link dk.rammearkitektur.model.History}.
 *
 * <p>Start with {@link dk.rammearkitektur.model.Case#builder()}. Every value is immutable; invalid input throws one
 * {@link dk.rammearkitektur.core.ValidationException} listing every violation with its field path. JSON lives in
 * {@code dk.rammearkitektur.model.json}, XML in {@code dk.rammearkitektur.model.xml}.
 */
package dk.rammearkitektur.model;
