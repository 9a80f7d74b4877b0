package dk.amu.catalogue.benchmarks;

/**
 * The size of the log the audit harnesses write: their arguments {@code [fkbs=1000] [eventsPerFkb=1000]
 * [linksPerFkb=100]}, 1,000,000 events by default.
 */
record LogSize(int fkbs, int eventsPerFkb, int links) {

    static LogSize of(String[] args) {
        return new LogSize(argument(args, 0, 1000), argument(args, 1, 1000), argument(args, 2, 100));
    }

    private static int argument(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }
}
