/**
 * jqwik generators for the domain model, for property-testing code that handles cases, documents, parties and
 * benefits: start with {@link dk.rammearkitektur.testkit.model.ModelArbitraries#cases()}.
 */
package dk.rammearkitektur.testkit.model;
