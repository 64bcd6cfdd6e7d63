package dk.rammearkitektur.signing.internal;

/** Initialises Apache Santuario exactly once, before first use, and registers the SDK's {@link StrTransform}. */
public final class Santuario {
    static {
        org.apache.xml.security.Init.init();
        try {
            org.apache.xml.security.transforms.Transform.register(StrTransform.URI, StrTransform.class);
        } catch (org.apache.xml.security.exceptions.AlgorithmAlreadyRegisteredException e) {
            // registered by another component (e.g. WSS4J): keep theirs
        } catch (org.apache.xml.security.transforms.InvalidTransformException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Santuario() {
    }

    /** Makes sure Santuario is initialised; cheap after the first call. */
    public static void init() {
        // the static initialiser does the work
    }
}
