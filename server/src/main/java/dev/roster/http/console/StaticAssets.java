package dev.roster.http.console;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The console's stylesheet, read once from the class path and answered from memory. */
final class StaticAssets {
    private final byte[] css = read("/console/console.css");

    @Get("/console/static/console.css")
    public HttpResponse css() {
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
                .contentType(MediaType.CSS_UTF_8)
                .set(HttpHeaderNames.CACHE_CONTROL, "max-age=3600")
                .set("x-content-type-options", "nosniff")
                .build(), HttpData.wrap(css));
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
