package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ClosedSessionException;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.RequestTimeoutException;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.Code;
import dev.roster.domain.ErrorIds;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    @Test
    void aClientThatHungUpIsCancelledNotAnInternalError() {
        var hungUp = Status.CANCELLED.withCause(ClosedSessionException.get()).asRuntimeException();
        var mapped = ErrorMapping.toDomainError(null, new CompletionException(hungUp));
        assertThat(mapped.code()).isEqualTo(Code.CANCELLED);
        assertThat(mapped.id()).isEqualTo(ErrorIds.CLIENT_CLOSED);
    }

    @Test
    void aTimeoutIs408WhileTheBodyArrivesAnd504OnceItArrived() {
        HttpRequest arriving = HttpRequest.streaming(HttpMethod.POST, "/v1/express");
        HttpRequest arrived = HttpRequest.of(HttpMethod.POST, "/v1/express", MediaType.JSON, "{}");
        arrived.aggregate().join();

        AggregatedHttpResponse slowClient = ErrorMapping.render(ServiceRequestContext.of(arriving),
                RequestTimeoutException.get());
        AggregatedHttpResponse slowServer = ErrorMapping.render(ServiceRequestContext.of(arrived),
                RequestTimeoutException.get());

        assertThat(slowClient.status().code()).isEqualTo(408);
        assertThat(slowClient.contentUtf8()).contains("\"code\":4").contains(ErrorIds.REQUEST_TIMEOUT);
        assertThat(slowServer.status().code()).isEqualTo(504);
        assertThat(slowServer.contentUtf8()).contains("\"code\":4").contains(ErrorIds.DEADLINE_EXCEEDED);
        arriving.abort();
    }

    @Test
    void anythingElseUnexpectedIsInternal() {
        var mapped = ErrorMapping.toDomainError(null, new IllegalStateException("bug"));
        assertThat(mapped.code()).isEqualTo(Code.INTERNAL);
    }
}
