package dk.amu.catalogue.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The same comparison as {@link PdfTableParseBenchmark}, for a machine shared with other work:
 * parse and PDFBox's {@code getText} alternate call by call on one thread, and each call's CPU time
 * is measured besides its wall time, so load from other processes shifts both alike and the
 * ratio of the CPU-time medians stays readable.
 *
 * <p>{@code java -cp services/benchmarks/target/benchmarks.jar dk.amu.catalogue.benchmarks.PdfParseCpuHarness [pdf] [rounds]}
 */
public final class PdfParseCpuHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PdfParseCpuHarness() {
    }

    public static void main(String[] args) throws IOException {
        String pdf = args.length > 0 ? args[0] : "offentlig-forvaltning.table.pdf";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        byte[] content;
        try (var in = PdfParseCpuHarness.class.getClassLoader().getResourceAsStream("pdf/" + pdf)) {
            content = in.readAllBytes();
        }
        var parser = new FkbDocumentParser();
        for (int i = 0; i < rounds / 2; i++) {
            parser.parse(content, pdf);
            getText(content);
        }
        long[][] parse = new long[2][rounds];
        long[][] text = new long[2][rounds];
        for (int i = 0; i < rounds; i++) {
            time(() -> parser.parse(content, pdf), parse, i);
            time(() -> getText(content), text, i);
        }
        System.out.printf("%s, %d rounds alternating, medians:%n", pdf, rounds);
        System.out.printf("  parse (table layout)  cpu %6.2f ms  wall %6.2f ms%n", median(parse[0]), median(parse[1]));
        System.out.printf("  PDFBox getText        cpu %6.2f ms  wall %6.2f ms%n", median(text[0]), median(text[1]));
        System.out.printf("  ratio                 cpu %6.2f     wall %6.2f%n", median(parse[0]) / median(text[0]),
                median(parse[1]) / median(text[1]));
    }

    private static void time(Runnable call, long[][] samples, int i) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        call.run();
        samples[1][i] = System.nanoTime() - wall;
        samples[0][i] = THREADS.getCurrentThreadCpuTime() - cpu;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static String getText(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            return new PDFTextStripper().getText(document);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
