// Creates a user and deactivates it over gRPC (HTTP/2 cleartext), then deactivates it again over gRPC-Web
// (HTTP/1.1) and reads the FAILED_PRECONDITION with its typed zitadel.v1.ErrorDetail. Prints one JSON line with
// what it saw; exits non-zero on any surprise.
import { createServerTransport } from "@zitadel/client/node";
import { createClientTransport } from "@zitadel/client/web";
import { createUserServiceClient } from "@zitadel/client/v2";
import { ConnectError, Code } from "@connectrpc/connect";
import { UserState } from "@zitadel/proto/zitadel/user/v2/user_pb.js";
import { ErrorDetailSchema } from "@zitadel/proto/zitadel/message_pb.js";

const [baseUrl, key, orgId, email] = process.argv.slice(2);
const grpc = createUserServiceClient(createServerTransport(key, { baseUrl, httpVersion: "2" }));
const web = createUserServiceClient(createClientTransport(key, { baseUrl }));

const added = await grpc.addHumanUser({
  organization: { org: { case: "orgId", value: orgId } },
  profile: { givenName: "Ada", familyName: "Lovelace" },
  email: { email, verification: { case: "isVerified", value: true } },
});
const deactivated = await grpc.deactivateUser({ userId: added.userId });
const state = (await web.getUserByID({ userId: added.userId })).user?.state;
if (state !== UserState.INACTIVE) {
  throw new Error(`expected INACTIVE, got ${state}`);
}
const err = await web.deactivateUser({ userId: added.userId }).then(() => null, ConnectError.from);
if (err === null) {
  throw new Error("second deactivate succeeded");
}
const details = err.findDetails(ErrorDetailSchema).map((d) => ({ id: d.id, message: d.message }));
console.log(JSON.stringify({
  userId: added.userId,
  addedSequence: added.details.sequence.toString(),
  deactivatedSequence: deactivated.details.sequence.toString(),
  resourceOwner: deactivated.details.resourceOwner,
  failedPrecondition: err.code === Code.FailedPrecondition,
  code: err.code,
  rawMessage: err.rawMessage,
  details,
}));
