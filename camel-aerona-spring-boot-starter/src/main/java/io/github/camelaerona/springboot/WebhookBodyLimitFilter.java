package io.github.camelaerona.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.camelaerona.internal.consumer.AeronaWebhookConsumer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the aerona webhook routes' {@code webhookMaxBodySize} on a servlet server. Camel's platform-http on Spring
 * Boot reads every request body whole (into Camel's stream cache) before the consumer sees it, so without this a
 * stranger's large POST to a webhook path would sit in memory before its size or secret is checked. Here a body
 * announced larger is answered 413 unread, and a body without a length is read no further than one byte past the
 * limit, which the consumer then answers 413. Requests to other paths pass untouched.
 */
final class WebhookBodyLimitFilter extends OncePerRequestFilter {

    private final CamelContext camel;

    WebhookBodyLimitFilter(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = "POST".equalsIgnoreCase(request.getMethod())
                ? limitFor(request.getRequestURI().substring(request.getContextPath().length())) : -1;
        if (limit < 0) {
            chain.doFilter(request, response);
        } else if (request.getContentLengthLong() > limit) {
            // the consumer's own answer; the connection is closed rather than the rest of the body read and dropped
            response.setStatus(413);
            response.setHeader("Connection", "close");
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("The body is larger than " + limit + " bytes").getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } else {
            chain.doFilter(new LimitedBody(request, limit + 1), response);
        }
    }

    /** The limit of the aerona webhook route listening on the path, -1 when none does. */
    private long limitFor(String path) {
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer() instanceof AeronaWebhookConsumer webhook && webhook.getPath().equals(path)) {
                return webhook.getMaxBodySize();
            }
        }
        return -1;
    }

    /** The request with a body that ends after so many bytes. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long bytes;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), bytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private long left;

        LimitedStream(ServletInputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return left <= 0 || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
