package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.Studies;
import dev.roster.domain.Metadata;
import dev.roster.domain.Severity;
import dev.roster.domain.StudyViewerStatus;
import dev.roster.http.Authentication;
import dev.roster.http.JsonBody;
import dev.roster.http.PublicUrl;
import dev.roster.http.Reasons;
import dev.roster.http.Wire;
import java.util.List;

/**
 * Avara Viewer studies, {@code /v1/viewer/studies…} (avara-v1.md §3). The static routes (cancel, uncancel,
 * reroute-url, by-uid) are exact paths, which Armeria matches before the {@code {studyId}} pattern.
 */
@Blocking
public final class StudiesApi {
    /** Where Roster's own study page lives, relative to the public base URL. */
    static final String STUDY_PAGE = "/viewer/studies/";

    private final Studies studies;
    private final PublicUrl publicUrl;

    public StudiesApi(Studies studies, PublicUrl publicUrl) {
        this.studies = studies;
        this.publicUrl = publicUrl;
    }

    @Post("/v1/viewer/studies")
    public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        JsonBody body = JsonBody.of(req);
        var request = new Studies.NewStudy(
                body.requiredString("studyInstanceUid"),
                body.requiredString("studyDescription"),
                Severity.parse("severity", body.requiredString("severity")),
                body.optionalString("assignedTo"),
                body.optionalString("expressCustomerId"),
                body.has("metadata") ? body.metadata("metadata") : Metadata.EMPTY);
        var created = studies.create(Authentication.principal(ctx), Reasons.of(req.headers()), request);
        return Wire.json(StudyJson.of(created));
    }

    @Get("/v1/viewer/studies/{studyId}")
    public HttpResponse retrieve(ServiceRequestContext ctx, @Param("studyId") String id) {
        return Wire.json(StudyJson.of(studies.get(Authentication.principal(ctx), id)));
    }

    @Get("/v1/viewer/studies/by-uid/{studyInstanceUid}")
    public HttpResponse retrieveByUid(ServiceRequestContext ctx, @Param("studyInstanceUid") String uid) {
        return Wire.json(StudyJson.of(studies.getByUid(Authentication.principal(ctx), uid)));
    }

    @Patch("/v1/viewer/studies/{studyId}")
    public HttpResponse update(ServiceRequestContext ctx, @Param("studyId") String id, AggregatedHttpRequest req) {
        JsonBody body = JsonBody.of(req);
        var changes = new Studies.StudyChanges(
                body.optionalString("studyDescription"),
                body.has("severity") ? Severity.parse("severity", body.string("severity")) : null,
                body.has("studyViewerStatus")
                        ? StudyViewerStatus.parse("studyViewerStatus", body.string("studyViewerStatus")) : null,
                assignee(body),
                body.metadataChange("metadata"));
        var updated = studies.update(Authentication.principal(ctx), Reasons.of(req.headers()), id, changes);
        return Wire.json(StudyJson.of(updated));
    }

    @Get("/v1/viewer/studies")
    public HttpResponse list(ServiceRequestContext ctx, QueryParams query) {
        ListParams params = ListParams.of(query);
        Studies.Listing listing = studies.list(Authentication.principal(ctx), StudyQuery.filter(query),
                params.cursor(), params.limit());
        List<StudyJson> items = listing.page().items().stream().map(StudyJson::of).toList();
        return Wire.json(new ListJson(items, listing.page().hasMore(), listing.nextCursor().orElse(null)));
    }

    @Post("/v1/viewer/studies/cancel")
    public HttpResponse cancel(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        studies.cancel(Authentication.principal(ctx), Reasons.of(req.headers()), ref(JsonBody.of(req)));
        return Wire.json(SuccessJson.ok("Study cancelled"));
    }

    @Post("/v1/viewer/studies/uncancel")
    public HttpResponse uncancel(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        studies.uncancel(Authentication.principal(ctx), Reasons.of(req.headers()), ref(JsonBody.of(req)));
        return Wire.json(SuccessJson.ok("Study restored"));
    }

    @Post("/v1/viewer/studies/reroute-url")
    public HttpResponse rerouteUrl(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        Studies.RerouteToken link = studies.rerouteToken(Authentication.principal(ctx), ref(JsonBody.of(req)));
        return Wire.json(new UrlJson(publicUrl.resolve(STUDY_PAGE + link.studyId() + "?token=" + link.token())));
    }

    private static Studies.StudyRef ref(JsonBody body) {
        return new Studies.StudyRef(body.optionalString("studyId"), body.optionalString("studyInstanceUid"));
    }

    /** Absent: unchanged; {@code null}: unassign (Avara: "or null to unassign"); a string: the new assignee. */
    private static Studies.Assignee assignee(JsonBody body) {
        if (!body.has("assignedTo")) {
            return null;
        }
        return new Studies.Assignee(body.isNull("assignedTo") ? null : body.string("assignedTo"));
    }


    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListJson(List<StudyJson> studies, boolean hasMore, String cursor) {
    }

    record UrlJson(String url) {
    }
}
