/**
 * JSON for the model: start with {@link dk.rammearkitektur.model.json.RammearkitekturJson#mapper()} or
 * {@link dk.rammearkitektur.model.json.RammearkitekturJson#read(String, Class)}.
 */
package dk.rammearkitektur.model.json;
