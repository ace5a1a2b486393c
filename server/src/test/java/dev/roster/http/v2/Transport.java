package dev.roster.http.v2;

/** The ways a ZITADEL client reaches the v2 services; every v2 behaviour is tested over each. */
enum Transport {
    REST,
    GRPC,
    GRPC_WEB,
    GRPC_WEB_TEXT
}
