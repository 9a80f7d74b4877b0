package dk.amu.catalogue.ingest.support;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** Uploads documents to the ingest API the way an operator's HTTP client would. */
public final class UploadClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;

    private final String token;

    public UploadClient(int port, String token) {
        this.http = RestClient.create("http://127.0.0.1:" + port);
        this.token = token;
    }

    public record Response(int status, JsonNode body, String contentType) {
    }

    public Response upload(String fkbCode, String fileName, byte[] content) {
        return upload(fkbCode, fileName, content, null, false, token);
    }

    public Response upload(String fkbCode, String fileName, byte[] content, String title, boolean force, String bearer) {
        var form = new LinkedMultiValueMap<String, Object>();
        if (content != null) {
            form.add("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        }
        if (title != null) {
            form.add("title", title);
        }
        form.add("force", String.valueOf(force));
        var request = http.post().uri("/api/fkbs/{fkb}/documents", fkbCode).contentType(MediaType.MULTIPART_FORM_DATA).body(form);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        return request.exchange((req, res) -> {
            var body = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            var type = res.getHeaders().getContentType();
            return new Response(res.getStatusCode().value(), body.isEmpty() ? null : JSON.readTree(body),
                    type == null ? null : type.toString());
        });
    }
}
