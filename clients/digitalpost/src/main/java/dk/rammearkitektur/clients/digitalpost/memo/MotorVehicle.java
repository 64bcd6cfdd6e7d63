package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The vehicle the content is about (motorkøretøj), namespace {@code dmv}.
 *
 * @param licenseNumber the registration number, at most 7 characters
 * @param chassisNumber the chassis number, or null
 */
public record MotorVehicle(String licenseNumber, String chassisNumber) {
    /** Creates the value. */
    public static MotorVehicle of(String licenseNumber, String chassisNumber) {
        return new MotorVehicle(licenseNumber, chassisNumber);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}
