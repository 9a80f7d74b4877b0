package dk.amu.catalogue.ingest.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionReport;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.ingest.ingestion.InvalidSubmissionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload of an FKB document by the catalogue operator. */
@RestController
class DocumentController {

    private final IngestionService ingestion;

    DocumentController(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping("/api/fkbs/{fkbCode}/documents")
    IngestionReport upload(@PathVariable String fkbCode, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String title, @RequestParam(defaultValue = "false") boolean force) {
        if (file == null) {
            throw new InvalidSubmissionException("send the document as the multipart form field 'file'");
        }
        return ingestion.ingest(new DocumentSubmission(fkbCode, bytes(file), file.getOriginalFilename(), title, force));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read the uploaded file", ex);
        }
    }
}
