package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.ClosedSessionException;
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
    void anythingElseUnexpectedIsInternal() {
        var mapped = ErrorMapping.toDomainError(null, new IllegalStateException("bug"));
        assertThat(mapped.code()).isEqualTo(Code.INTERNAL);
    }
}
