package dk.rammearkitektur.signing.internal;

/** Initialises Apache Santuario exactly once, before first use. */
public final class Santuario {
    static {
        org.apache.xml.security.Init.init();
    }

    private Santuario() {
    }

    /** Makes sure Santuario is initialised; cheap after the first call. */
    public static void init() {
        // the static initialiser does the work
    }
}
