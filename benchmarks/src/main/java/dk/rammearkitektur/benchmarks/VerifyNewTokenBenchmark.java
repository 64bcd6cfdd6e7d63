package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.signing.wss.WsSecurityVerifier;

/**
 * Benchmark 2b: as {@link VerifyRequestBenchmark}, with the token's signature verified on every call (no verified-token
 * cache): a token never seen before. Two RSA verifications per request, so the ceiling is 0.5. Goal: at least 0.4.
 */
public class VerifyNewTokenBenchmark extends VerifyRequestBenchmark {
    @Override
    WsSecurityVerifier newVerifier() {
        return SigningFixtures.verifier(false);
    }
}
