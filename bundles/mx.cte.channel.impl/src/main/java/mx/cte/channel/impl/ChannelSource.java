package mx.cte.channel.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a channel's files are read: a web server (any that serves a folder; {@code https:}, {@code http:}) or a folder
 * or offline kit ({@code file:}, a folder or a {@code .zip}). Every read is bounded; a download continues a partial
 * file where it stopped.
 */
interface ChannelSource {

    /** A small file (the index, a signature), whole. */
    byte[] read(String path, long maxBytes) throws IOException;

    /**
     * Downloads {@code path} into {@code partial}, continuing what it already holds; an IOException when the transfer
     * stops (the partial file is kept for the next attempt).
     */
    void download(String path, Path partial, long size) throws IOException;

    static ChannelSource of(String url) {
        URI uri = URI.create(url.endsWith("/") || url.endsWith(".zip") ? url : url + "/");
        return switch (uri.getScheme() == null ? "" : uri.getScheme()) {
            case "http", "https" -> new Http(uri);
            case "file" -> Path.of(uri).toString().endsWith(".zip") ? new Kit(Path.of(uri)) : new Folder(Path.of(uri));
            default -> throw new IllegalArgumentException("url: el canal debe ser https:, http: o file:, no " + url);
        };
    }

    /** A channel on a web server. */
    final class Http implements ChannelSource {
        private static final Duration TIMEOUT = Duration.ofSeconds(60);
        private final URI base;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        Http(URI base) {
            this.base = base;
        }

        @Override
        public byte[] read(String path, long maxBytes) throws IOException {
            HttpResponse<InputStream> response = send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                    .GET().build());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(base.resolve(path) + " respondió " + response.statusCode());
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IOException(base.resolve(path) + " pasa de " + maxBytes + " bytes");
                }
                return bytes;
            }
        }

        @Override
        public void download(String path, Path partial, long size) throws IOException {
            long have = Files.exists(partial) ? Files.size(partial) : 0;
            if (have > size) {
                Files.delete(partial);
                have = 0;
            }
            if (have == size) {
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = send(request.build());
            boolean resumed = response.statusCode() == 206;
            if (response.statusCode() != 200 && !resumed) {
                response.body().close();
                throw new IOException(base.resolve(path) + " respondió " + response.statusCode());
            }
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial,
                    StandardOpenOption.CREATE, resumed ? StandardOpenOption.APPEND
                            : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                copy(in, out, size - (resumed ? have : 0));
            }
        }

        private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrumpido", e);
            }
        }
    }

    /** A channel folder on this machine (a mounted share, a USB stick). */
    final class Folder implements ChannelSource {
        private final Path base;

        Folder(Path base) {
            this.base = base;
        }

        private Path file(String path) throws IOException {
            Path file = base.resolve(path).normalize();
            if (!file.startsWith(base.normalize())) {
                throw new IOException(path + " sale de la carpeta del canal");
            }
            return file;
        }

        @Override
        public byte[] read(String path, long maxBytes) throws IOException {
            Path file = file(path);
            if (Files.size(file) > maxBytes) {
                throw new IOException(file + " pasa de " + maxBytes + " bytes");
            }
            return Files.readAllBytes(file);
        }

        @Override
        public void download(String path, Path partial, long size) throws IOException {
            try (InputStream in = Files.newInputStream(file(path)); OutputStream out = Files.newOutputStream(partial)) {
                copy(in, out, size);
            }
        }
    }

    /** An offline kit: one zip holding the index, its signature and the artifacts with theirs. */
    final class Kit implements ChannelSource {
        private final Path zip;

        Kit(Path zip) {
            this.zip = zip;
        }

        private InputStream open(ZipFile file, String path) throws IOException {
            ZipEntry entry = file.getEntry(path);
            if (entry == null) {
                throw new IOException("el kit " + zip.getFileName() + " no contiene " + path);
            }
            return file.getInputStream(entry);
        }

        @Override
        public byte[] read(String path, long maxBytes) throws IOException {
            try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = open(file, path)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IOException(path + " pasa de " + maxBytes + " bytes");
                }
                return bytes;
            }
        }

        @Override
        public void download(String path, Path partial, long size) throws IOException {
            try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = open(file, path);
                    OutputStream out = Files.newOutputStream(partial)) {
                copy(in, out, size);
            }
        }
    }

    /**
     * The files of an offline kit imported on another node of the installation, as far as that node installed from it:
     * the index and its signature, and each artifact it installed with its signature, read from the shared state.
     */
    final class SharedKit implements ChannelSource {
        private final String kit;
        private final java.util.function.Function<String, java.util.Optional<byte[]>> files;

        /** @param files a file of the kit by its path in the kit, as the nodes share it */
        SharedKit(String kit, java.util.function.Function<String, java.util.Optional<byte[]>> files) {
            this.kit = kit;
            this.files = files;
        }

        @Override
        public byte[] read(String path, long maxBytes) throws IOException {
            byte[] bytes = files.apply(path).orElseThrow(() -> new IOException("el kit " + kit + ", importado en otro"
                    + " nodo, no comparte " + path + ": impórtelo también en este nodo"));
            if (bytes.length > maxBytes) {
                throw new IOException(path + " pasa de " + maxBytes + " bytes");
            }
            return bytes;
        }

        @Override
        public void download(String path, Path partial, long size) throws IOException {
            try (OutputStream out = Files.newOutputStream(partial)) {
                copy(new java.io.ByteArrayInputStream(read(path, size + 1)), out, size);
            }
        }
    }

    /** Copies at most {@code limit} bytes: an artifact larger than its index says is cut there, and then refused. */
    private static void copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = limit;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
