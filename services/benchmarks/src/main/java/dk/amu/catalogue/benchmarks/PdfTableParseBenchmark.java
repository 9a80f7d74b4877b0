package dk.amu.catalogue.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;

import dk.amu.catalogue.ingest.document.FkbDocument;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Parsing a published table PDF (description paragraphs, then the table read by its layout) beside
 * PDFBox's own text extraction of the same bytes, the floor any PDF reading stands on. Both start
 * from the file's bytes, so both pay for loading the document. Sample-time mode reports the median.
 *
 * <p>The PDFs are committed under {@code pdf/}: the fixture as LibreOffice exported it (20 pages)
 * and the other fixture exported by LibreOffice in 12 pt Liberation Serif (24 pages).
 */
public class PdfTableParseBenchmark extends MedianMilliseconds {

    @Param({ "offentlig-forvaltning.table.pdf", "viden-og-forretningsservice.libreoffice-serif.pdf" })
    public String pdf;

    private final FkbDocumentParser parser = new FkbDocumentParser();

    private byte[] content;

    @Setup
    public void setUp() {
        try (var in = PdfTableParseBenchmark.class.getClassLoader().getResourceAsStream("pdf/" + pdf)) {
            content = in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        var document = parser.parse(content, pdf);
        if (document.reading().method() != FkbDocument.ReadingMethod.PDF_TABLE_LAYOUT) {
            throw new IllegalStateException(pdf + " was not read by its table layout: " + document.reading());
        }
    }

    @Benchmark
    public FkbDocument parseTablePdf() {
        return parser.parse(content, pdf);
    }

    @Benchmark
    public String pdfBoxGetText() throws IOException {
        try (PDDocument document = Loader.loadPDF(content)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
