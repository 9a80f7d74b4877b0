package dk.amu.catalogue.registry;

/** A version as named in a path: a positive number, or "latest" (also spelled -1, as Confluent allows). */
record VersionId(int number) {

    private static final int LATEST = -1;

    static VersionId parse(String text) {
        if ("latest".equalsIgnoreCase(text.trim())) {
            return new VersionId(LATEST);
        }
        try {
            int number = Integer.parseInt(text.trim());
            if (number == LATEST || number > 0) {
                return new VersionId(number);
            }
        }
        catch (NumberFormatException ex) {
            // falls through to the registry's own answer
        }
        throw RegistryError.invalidVersion(text);
    }

    boolean isLatest() {
        return number == LATEST;
    }
}
