package dk.rammearkitektur.benchmarks;

import java.util.Locale;

/** Generates the JSON of a realistic case graph in the model's published format. */
final class CaseJson {
    private CaseJson() {
    }

    private static String uuid(int kind, int n) {
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-8%03x-%012x", 0x5a5a0000 + kind, n, kind, n, 1000L * kind + n);
    }

    /** A case with three parties (two persons, one company), {@code documents} documents and {@code benefits} benefits. */
    static String generate(int documents, int benefits) {
        StringBuilder b = new StringBuilder(8192);
        b.append("{\"id\":\"").append(uuid(1, 1)).append("\",\"caseNumber\":\"2026-27.24.00-G01-17\",")
                .append("\"title\":\"Merudgifter til barn\",\"classification\":\"27.24.00 G01\",\"status\":\"IN_PROGRESS\",")
                .append("\"caseworker\":{\"id\":\"").append(uuid(2, 1)).append("\",\"name\":\"Sagsbehandler Sørensen\"},")
                .append("\"owningUnit\":{\"id\":\"").append(uuid(3, 1)).append("\",\"name\":\"Borgerservice\"},")
                .append("\"confidentiality\":\"CONFIDENTIAL\",\"parties\":[")
                .append("{\"role\":\"PRIMARY_PARTY\",\"party\":{\"kind\":\"person\",\"id\":\"").append(uuid(4, 1))
                .append("\",\"cpr\":\"0707614285\",\"name\":\"Jens Hansen\",\"address\":{\"street\":\"Rådhuspladsen 1, 2. tv\",")
                .append("\"postalCode\":\"1550\",\"city\":\"København V\",\"countryCode\":\"DK\"},\"addressProtected\":false,")
                .append("\"contact\":{\"email\":\"jens@example.dk\",\"phone\":\"+45 12 34 56 78\"}}},")
                .append("{\"role\":\"GUARDIAN\",\"party\":{\"kind\":\"person\",\"id\":\"").append(uuid(4, 2))
                .append("\",\"cpr\":\"1503801236\",\"name\":\"Hemmelig Værge\",\"addressProtected\":true}},")
                .append("{\"role\":\"REPRESENTATIVE\",\"party\":{\"kind\":\"company\",\"id\":\"").append(uuid(4, 3))
                .append("\",\"cvr\":\"25313763\",\"pNumber\":\"1003388394\",\"name\":\"Eksempel ApS\",\"address\":")
                .append("{\"street\":\"Main Street 1\",\"postalCode\":\"SW1A 1AA\",\"city\":\"London\",\"countryCode\":\"GB\"}}}")
                .append("],\"documents\":[");
        for (int d = 1; d <= documents; d++) {
            if (d > 1) {
                b.append(',');
            }
            b.append("{\"journalDate\":\"2026-03-").append(String.format(Locale.ROOT, "%02d", d % 28 + 1))
                    .append("\",\"role\":\"").append(d == 1 ? "DECISION" : "CORRESPONDENCE").append("\",\"document\":{\"id\":\"")
                    .append(uuid(5, d)).append("\",\"title\":\"Dokument ").append(d).append(" om tilskud\",")
                    .append("\"letterDate\":\"2026-03-02\",\"type\":\"").append(d == 1 ? "DECISION" : "LETTER")
                    .append("\",\"direction\":\"").append(d % 2 == 0 ? "INCOMING" : "OUTGOING").append("\",\"variants\":[")
                    .append("{\"kind\":\"PRODUCTION\",\"parts\":[{\"name\":\"dok").append(d).append(".docx\",")
                    .append("\"mediaType\":\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\",")
                    .append("\"size\":").append(10000 + d).append(",\"sha256\":\"").append("ab".repeat(32)).append("\"}]},")
                    .append("{\"kind\":\"ARCHIVE\",\"parts\":[{\"name\":\"dok").append(d).append(".pdf\",")
                    .append("\"mediaType\":\"application/pdf\",\"size\":").append(20000 + d)
                    .append(",\"sha256\":\"").append("0123456789abcdef".repeat(4)).append("\"}]}]}}");
        }
        b.append("],\"benefits\":[");
        for (int n = 1; n <= benefits; n++) {
            if (n > 1) {
                b.append(',');
            }
            b.append("{\"id\":\"").append(uuid(6, n)).append("\",\"type\":{\"scheme\":\"KL-ydelser\",\"code\":\"SEL-4")
                    .append(n).append("\"},\"recipient\":\"").append(uuid(4, 1)).append("\",\"grantPeriod\":")
                    .append("{\"from\":\"2026-04-01\",\"to\":\"2026-12-31\"},\"amount\":\"").append(1000 + n).append(".50\",")
                    .append("\"frequency\":\"MONTHLY\",\"status\":\"GRANTED\",\"decisionDocuments\":[\"").append(uuid(5, 1))
                    .append("\"],\"legalBasis\":\"Serviceloven § 4").append(n).append("\"}");
        }
        return b.append("]}").toString();
    }
}
