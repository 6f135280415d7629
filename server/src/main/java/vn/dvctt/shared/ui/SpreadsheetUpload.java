package vn.dvctt.shared.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Takes one CSV or XLSX file at a time and hands it to an import. The file goes to a temporary
 * file, not memory (a national unit list is tens of megabytes), and is deleted once read.
 *
 * <p>One file at a time on purpose: with several, parallel uploads finish in any order and the
 * result on screen would be whichever import ran last, not the file the user chose last.
 */
public class SpreadsheetUpload extends Upload {

    /** Receives the uploaded file; runs with the UI locked, so it may update components. */
    @FunctionalInterface
    public interface Importer {
        void importFile(InputStream in, String fileName) throws IOException;
    }

    public static final int MAX_BYTES = 64 * 1024 * 1024;

    public SpreadsheetUpload(Importer importer) {
        // Vaadin runs the success callback inside UI.access, so components may be touched here.
        setUploadHandler(UploadHandler.toTempFile((metadata, file) -> {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                importer.importFile(in, metadata.fileName());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } finally {
                Files.deleteIfExists(file.toPath());
                clearFileList();
            }
        }));
        setMaxFiles(1);
        setMaxFileSize(MAX_BYTES);
        setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
