/** The Jackson module behind {@link dk.rammearkitektur.model.json.RammearkitekturJson}. Internal. */
package dk.rammearkitektur.model.internal.json;
