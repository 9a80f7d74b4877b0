package dk.amu.catalogue.standalone.deadletters;

import java.io.PrintStream;

import tools.jackson.databind.JsonNode;

/** The dead letters as a small table on the terminal: one line each, the cause cut to fit. */
final class DeadLetterTable {

    private static final String LETTER = "%-9s %-32s %-24s %-20s %s%n";

    private static final String RESULT = "%-9s %-24s %-17s %s%n";

    private final PrintStream out;

    DeadLetterTable(PrintStream out) {
        this.out = out;
    }

    void letters(JsonNode letters) {
        out.printf(LETTER, "PLACE", "ORIGIN", "FKB", "REDRIVEN", "CAUSE");
        for (var letter : letters) {
            out.printf(LETTER, place(letter), origin(letter), text(letter, "fkbCode"),
                    letter.get("redrivenAt").isNull() ? "-" : letter.get("redrivenAt").asString(), cause(letter));
        }
        if (letters.isEmpty()) {
            out.println("(no dead letters)");
        }
    }

    void detail(JsonNode detail) {
        var letter = detail.get("letter");
        out.printf("place:      %s%norigin:     %s%nfkb:        %s%ntimestamp:  %s%nredriven:   %s%ncause:      %s%n",
                place(letter), origin(letter), text(letter, "fkbCode"), text(letter, "timestamp"),
                letter.get("redrivenAt").isNull() ? "no" : letter.get("redrivenAt").asString(),
                text(letter, "cause") + ": " + text(letter, "message"));
        if (!detail.get("event").isNull()) {
            out.println("event:");
            out.println(detail.get("event").toPrettyString());
        }
        else {
            out.println("undecodable: " + text(detail, "decodingError"));
            out.println("base64:      " + text(detail, "base64"));
        }
    }

    void results(Iterable<JsonNode> results) {
        out.printf(RESULT, "PLACE", "FKB", "OUTCOME", "DETAIL");
        for (var result : results) {
            var letter = result.get("letter");
            out.printf(RESULT, place(letter), text(letter, "fkbCode"), text(result, "outcome"), text(result, "detail"));
        }
    }

    private static String place(JsonNode letter) {
        return letter.get("partition").asInt() + "/" + letter.get("offset").asLong();
    }

    private static String origin(JsonNode letter) {
        return text(letter, "originTopic") + "-" + letter.get("originPartition").asInt() + "@"
                + letter.get("originOffset").asLong();
    }

    private static String cause(JsonNode letter) {
        var cause = text(letter, "cause");
        var simple = cause.substring(cause.lastIndexOf('.') + 1);
        var line = simple + ": " + text(letter, "message").replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
