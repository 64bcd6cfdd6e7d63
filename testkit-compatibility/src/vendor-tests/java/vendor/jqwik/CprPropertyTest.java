package vendor.jqwik;

import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.testkit.model.ModelArbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A vendor's property over the testkit's generated CPR numbers (ModelArbitraries needs the vendor's jqwik). */
class CprPropertyTest {
    @Property(tries = 200)
    boolean aCprNumberParsesBackAndIsNeverShownUnmasked(@ForAll("cprs") Cpr cpr) {
        return Cpr.parse(cpr.value()).equals(cpr) && !cpr.toString().contains(cpr.value());
    }

    @Provide
    Arbitrary<Cpr> cprs() {
        return ModelArbitraries.cprs();
    }
}
