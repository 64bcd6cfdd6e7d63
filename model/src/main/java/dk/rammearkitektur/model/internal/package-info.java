/**
 * Implementation of the model: shared field rules, the JSON and XML binding classes and their mapping to and from
 * the public records. Not part of the API; may change in any release.
 */
package dk.rammearkitektur.model.internal;
