import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;

/** Downloads a Maven distribution zip and unpacks it, with the JDK alone (run as a source file by mvnw). */
public class Install {

    public static void main(String[] args) throws IOException, InterruptedException {
        var target = Path.of(args[1]);
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        var response = client.send(HttpRequest.newBuilder(URI.create(args[0])).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            System.err.println("HTTP " + response.statusCode() + " for " + args[0]);
            System.exit(1);
        }
        try (InputStream body = response.body(); var zip = new ZipInputStream(body)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                var file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
                if (file.getParent().getFileName().toString().equals("bin")) {
                    file.toFile().setExecutable(true);
                }
            }
        }
    }
}
