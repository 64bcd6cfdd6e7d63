package dk.rammearkitektur.sso.privileges;

import java.util.List;

/**
 * One data constraint (dataafgrænsning) of a privilege group: a {@code Constraint} element with a {@code Name} and a
 * comma-separated value. The four KOMBIT constraint names become typed constraints; any other name is kept as a
 * {@link RawConstraint}.
 */
public sealed interface DataConstraint
        permits KleConstraint, OrgUnitConstraint, SensitivityConstraint, ItSystemConstraint, RawConstraint {
    /** The constraint name KOMBIT uses for KLE subjects. */
    String KLE = "http://sts.kombit.dk/constraints/KLE/1";
    /** The constraint name KOMBIT uses for organisation units (orgenhed). */
    String ORG_UNIT = "http://sts.kombit.dk/constraints/orgenhed/1";
    /** The constraint name KOMBIT uses for sensitivity (følsomhed). */
    String SENSITIVITY = "http://sts.kombit.dk/constraints/foelsomhed/1";
    /** The constraint name KOMBIT uses for IT systems. */
    String IT_SYSTEM = "http://sts.kombit.dk/constraints/itsystem/1";

    /** The constraint's {@code Name} attribute. */
    String name();

    /** The values as written, in order, each without the separating commas and spaces. */
    List<String> values();
}
