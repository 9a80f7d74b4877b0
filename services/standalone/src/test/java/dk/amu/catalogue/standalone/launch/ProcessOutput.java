package dk.amu.catalogue.standalone.launch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a process's output, line by line, into a list a test can wait on, until the process closes it. */
final class ProcessOutput {

    private ProcessOutput() {
    }

    /** Returns the reading thread, which ends once every process writing to the pipe has closed it. */
    static Thread collect(Process process, List<String> lines) {
        var reader = new Thread(() -> {
            try (var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output.lines().forEach(lines::add);
            }
            catch (Exception ex) {
                // the process is gone
            }
        }, "process-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
