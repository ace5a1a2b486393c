package dev.roster.http.v2;

import static dev.roster.http.v2.V2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.proto.zitadel.object.v2.ListQuery;
import dev.roster.proto.zitadel.object.v2.TextQueryMethod;
import dev.roster.proto.zitadel.user.v2.*;
import dev.roster.testing.Engine;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ListUsers' queries and paging on both engines (text matching must agree between SQLite and PostgreSQL). */
class ListUsersTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static List<String> ids(V2Client c, ListUsersRequest.Builder r) {
        return c.call(Rpc.LIST_USERS, r.build()).getResultList().stream().map(User::getUserId).toList();
    }

    private static SearchQuery email(String value, TextQueryMethod method) {
        return SearchQuery.newBuilder().setEmailQuery(EmailQuery.newBuilder().setEmailAddress(value).setMethod(method))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void queriesPagingAndSorting(Engine engine) {
        V2Client c = V2Client.of(Transport.GRPC, servers.on(engine).http(), TestServer.ADMIN_KEY);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = addUser(c, "Alpha." + tag + "@example.com");
        String b = addUser(c, "beta." + tag + "@example.com");
        String d = addUser(c, "delta." + tag + "@example.org");
        c.call(Rpc.DEACTIVATE, UserLifecycleTest.deactivate(b));
        SearchQuery mine = email(tag, TextQueryMethod.TEXT_QUERY_METHOD_CONTAINS);

        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(mine))).containsExactly(d, b, a); // newest first
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(mine).setQuery(ListQuery.newBuilder().setAsc(true))))
                .containsExactly(a, b, d);
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(email("alpha." + tag,
                TextQueryMethod.TEXT_QUERY_METHOD_STARTS_WITH)))).isEmpty(); // case-sensitive on both engines
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(email("alpha." + tag,
                TextQueryMethod.TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE)))).containsExactly(a);
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(mine).addQueries(email(".org",
                TextQueryMethod.TEXT_QUERY_METHOD_ENDS_WITH)))).containsExactly(d);
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(mine).addQueries(SearchQuery.newBuilder()
                .setStateQuery(StateQuery.newBuilder().setState(UserState.USER_STATE_INACTIVE))))).containsExactly(b);
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(mine).addQueries(SearchQuery.newBuilder()
                .setNotQuery(NotQuery.newBuilder().setQuery(SearchQuery.newBuilder()
                        .setStateQuery(StateQuery.newBuilder().setState(UserState.USER_STATE_INACTIVE)))))))
                .containsExactly(d, a);
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(SearchQuery.newBuilder().setOrQuery(
                OrQuery.newBuilder().addQueries(SearchQuery.newBuilder().setInUserIdsQuery(
                        InUserIDQuery.newBuilder().addUserIds(a))).addQueries(SearchQuery.newBuilder()
                        .setInUserEmailsQuery(InUserEmailsQuery.newBuilder().addUserEmails("delta." + tag + "@example.org")))))))
                .containsExactlyInAnyOrder(a, d);
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(mine).addQueries(SearchQuery.newBuilder()
                .setTypeQuery(TypeQuery.newBuilder().setType(Type.TYPE_MACHINE))))).isEmpty();
        assertThat(ids(c, ListUsersRequest.newBuilder().addQueries(mine).addQueries(SearchQuery.newBuilder()
                .setOrganizationIdQuery(OrganizationIdQuery.newBuilder().setOrganizationId(DEFAULT_ORG))))).hasSize(3);

        ListUsersResponse page = c.call(Rpc.LIST_USERS, ListUsersRequest.newBuilder().addQueries(mine)
                .setSortingColumn(UserFieldName.USER_FIELD_NAME_EMAIL)
                .setQuery(ListQuery.newBuilder().setAsc(true).setOffset(1).setLimit(1)).build());
        assertThat(page.getDetails().getTotalResult()).isEqualTo(3);
        assertThat(page.getResultList()).extracting(User::getUserId).containsExactly(b); // alpha, beta, delta
        assertThat(page.getSortingColumn()).isEqualTo(UserFieldName.USER_FIELD_NAME_EMAIL);

        SearchQuery deep = mine;
        for (int i = 0; i < 21; i++) {
            deep = SearchQuery.newBuilder().setAndQuery(AndQuery.newBuilder().addQueries(deep)).build();
        }
        SearchQuery tooDeep = deep;
        fails(c, () -> c.call(Rpc.LIST_USERS, ListUsersRequest.newBuilder().addQueries(tooDeep).build()),
                INVALID_ARGUMENT, "USER-zsQ97");
    }
}
