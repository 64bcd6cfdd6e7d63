package dk.rammearkitektur.model;

/** When a benefit is paid relative to the period it covers (forud/bagud betaling). */
public enum PaymentTiming {
    /** Paid before the period (forud). */
    IN_ADVANCE,
    /** Paid after the period (bagud). */
    IN_ARREARS
}
