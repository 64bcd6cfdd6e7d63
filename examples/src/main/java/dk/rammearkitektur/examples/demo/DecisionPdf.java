package dk.rammearkitektur.examples.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a one-page PDF 1.4 letter (afgørelsesbrev) with the standard Helvetica font: enough for a real decision
 * letter a PDF reader opens, without a PDF library. Text is Latin-1 (WinAnsiEncoding), so Danish letters print.
 */
final class DecisionPdf {
    private DecisionPdf() {
    }

    /** A PDF whose page shows {@code title} in bold and then {@code lines}, one per line. */
    static byte[] letter(String title, List<String> lines) {
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(lines, "lines == null");
        StringBuilder content = new StringBuilder("BT\n/F2 16 Tf\n72 770 Td\n(").append(escape(title)).append(") Tj\n")
                .append("/F1 11 Tf\n0 -30 Td\n16 TL\n");
        for (String line : lines) {
            content.append('(').append(escape(line)).append(") Tj T*\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>");
        objects.add(null);
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        write(pdf, "%PDF-1.4\n%\u00e6\u00f8\u00e5\u00c6\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = pdf.size();
            write(pdf, (i + 1) + " 0 obj\n");
            if (objects.get(i) == null) {
                write(pdf, "<< /Length " + stream.length + " >>\nstream\n");
                pdf.writeBytes(stream);
                write(pdf, "endstream");
            } else {
                write(pdf, objects.get(i));
            }
            write(pdf, "\nendobj\n");
        }
        long xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(pdf, table.toString());
        return pdf.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0xFF) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
