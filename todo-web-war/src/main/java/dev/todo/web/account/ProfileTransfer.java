package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.ImportReport;
import dev.todo.web.api.TransferApi;
import dev.todo.web.page.Pages;
import dev.todo.web.time.UserZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The profile's "Export and import" section. Downloads go through {@link ExportServlet}; an upload is checked (a dry
 * run) or imported here, and the API's report is shown: what it adds, what was there already, and each row it
 * refuses, in which case nothing was imported.
 */
@Named
@RequestScoped
public class ProfileTransfer {

    /** The API's limit; a larger file is refused here, before it is sent on. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    @Inject
    TransferApi transferApi;

    @Inject
    UserZone userZone;

    private Part file;
    private ImportReport report;

    public void check() {
        send(true);
    }

    public void importFile() {
        send(false);
    }

    private void send(boolean dryRun) {
        if (file == null || file.getSize() == 0) {
            Pages.fieldError("import-form:import-file", "Choose a file: a JSON export or a CSV of tasks.");
            Pages.error("Nothing is imported yet. Choose a file first.");
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            Pages.fieldError("import-form:import-file", "The file is over 4 MiB; split it into smaller files.");
            Pages.error("Nothing is imported. The file is larger than 4 MiB.");
            return;
        }
        byte[] bytes = read(file);
        try {
            report = transferApi.importFile(
                    bytes, contentType(file.getSubmittedFileName(), bytes), dryRun, userZone.id());
            if (report.imported()) {
                Pages.info("Imported: " + report.tasks().created() + " new tasks and "
                        + report.conversations().created() + " conversations; "
                        + report.tasks().existing()
                        + " tasks were there already.");
            } else {
                Pages.info("The file can be imported: " + report.tasks().created() + " new tasks and "
                        + report.conversations().created() + " conversations. Nothing is imported yet.");
            }
        } catch (ApiException e) {
            if (e.status() == 422 || e.status() == 413 || e.status() == 415) {
                report = e.problem().map(problem -> problem.report()).orElse(null);
                Pages.fieldError("import-form:import-file", "This file cannot be imported as it is.");
                Pages.error(e.problem().map(problem -> problem.detail()).orElse("Nothing was imported."));
                return;
            }
            throw e;
        }
    }

    /** JSON by its name or first character, else CSV. */
    static String contentType(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' ? "application/json" : "text/csv";
            }
        }
        return "text/csv";
    }

    private static byte[] read(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportReport getReport() {
        return report;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
