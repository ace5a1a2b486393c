package dev.roster.http.v2;

import dev.roster.app.Users;
import dev.roster.domain.Contact;
import dev.roster.domain.DomainError;
import dev.roster.domain.Gender;
import dev.roster.domain.User;
import dev.roster.proto.zitadel.object.v2.Details;
import dev.roster.proto.zitadel.user.v2.AddHumanUserRequest;
import dev.roster.proto.zitadel.user.v2.HumanEmail;
import dev.roster.proto.zitadel.user.v2.HumanPhone;
import dev.roster.proto.zitadel.user.v2.HumanProfile;
import dev.roster.proto.zitadel.user.v2.HumanUser;
import dev.roster.proto.zitadel.user.v2.Password;
import dev.roster.proto.zitadel.user.v2.SetHumanEmail;
import dev.roster.proto.zitadel.user.v2.SetHumanPhone;
import dev.roster.proto.zitadel.user.v2.SetHumanProfile;
import dev.roster.proto.zitadel.user.v2.SetPassword;
import dev.roster.proto.zitadel.user.v2.UpdateHumanUserRequest;
import dev.roster.proto.zitadel.user.v2.UserState;

/** User messages to use-case inputs and users to messages, as ZITADEL fills them. */
public final class UserMessages {
    static final String ORG_HEADER = "x-zitadel-orgid";

    private UserMessages() {
    }

    static Users.NewUser newUser(AddHumanUserRequest r, String orgHeader) {
        if (r.getIdpLinksCount() > 0) {
            throw Protos.unsupported("idpLinks");
        }
        if (r.hasTotpSecret()) {
            throw Protos.unsupported("totpSecret");
        }
        if (r.getMetadataCount() > 0) {
            throw Protos.unsupported("metadata");
        }
        if (!r.hasProfile()) {
            throw DomainError.invalidField("profile", "value is required");
        }
        if (!r.hasEmail()) {
            throw DomainError.invalidField("email", "value is required");
        }
        String organization = switch (r.getOrganization().getOrgCase()) {
            case ORG_ID -> r.getOrganization().getOrgId();
            case ORG_DOMAIN -> throw Protos.unsupported("organization.orgDomain");
            case ORG_NOT_SET -> orgHeader;
        };
        Users.PasswordInput password = switch (r.getPasswordTypeCase()) {
            case PASSWORD -> password(r.getPassword());
            case HASHED_PASSWORD -> new Users.PasswordInput(null, r.getHashedPassword().getHash(),
                    r.getHashedPassword().getChangeRequired());
            case PASSWORDTYPE_NOT_SET -> null;
        };
        return new Users.NewUser(r.hasUserId() ? r.getUserId() : null, r.hasUsername() ? r.getUsername() : null,
                organization, profile(r.getProfile()), email(r.getEmail()),
                r.hasPhone() ? phone(r.getPhone()) : null, password);
    }

    static Users.UserChanges changes(UpdateHumanUserRequest r) {
        return new Users.UserChanges(
                r.hasUsername() ? r.getUsername() : null,
                r.hasProfile() ? profile(r.getProfile()) : null,
                r.hasEmail() ? email(r.getEmail()) : null,
                r.hasPhone() ? phone(r.getPhone()) : null,
                r.hasPassword() ? passwordChange(r.getPassword()) : null);
    }

    private static Users.PasswordChange passwordChange(SetPassword p) {
        Users.PasswordInput next = switch (p.getPasswordTypeCase()) {
            case PASSWORD -> password(p.getPassword());
            case HASHED_PASSWORD -> new Users.PasswordInput(null, p.getHashedPassword().getHash(),
                    p.getHashedPassword().getChangeRequired());
            case PASSWORDTYPE_NOT_SET -> throw DomainError.invalidField("password.password", "value is required");
        };
        return new Users.PasswordChange(next,
                p.hasCurrentPassword() ? p.getCurrentPassword() : null,
                p.hasVerificationCode() ? p.getVerificationCode() : null);
    }

    static Users.PasswordInput password(Password p) {
        return new Users.PasswordInput(p.getPassword(), null, p.getChangeRequired());
    }

    private static Users.ProfileInput profile(SetHumanProfile p) {
        Gender gender = null;
        if (p.hasGender()) {
            gender = switch (p.getGender()) {
                case GENDER_UNSPECIFIED -> Gender.UNSPECIFIED;
                case GENDER_FEMALE -> Gender.FEMALE;
                case GENDER_MALE -> Gender.MALE;
                case GENDER_DIVERSE -> Gender.DIVERSE;
                case UNRECOGNIZED -> throw DomainError.invalidField("profile.gender", "value must be one of the defined enum values");
            };
        }
        return new Users.ProfileInput(p.getGivenName(), p.getFamilyName(),
                p.hasNickName() ? p.getNickName() : null,
                p.hasDisplayName() ? p.getDisplayName() : null,
                p.hasPreferredLanguage() ? p.getPreferredLanguage() : null,
                gender);
    }

    /** Roster sends no mail and has no VerifyEmail, so it cannot honour a request for a verification code. */
    private static Contact email(SetHumanEmail e) {
        if (e.getVerificationCase() == SetHumanEmail.VerificationCase.RETURN_CODE) {
            throw Protos.unsupported("email.returnCode");
        }
        return Contact.email(e.getEmail(), e.getVerificationCase() == SetHumanEmail.VerificationCase.IS_VERIFIED
                && e.getIsVerified());
    }

    private static Contact phone(SetHumanPhone p) {
        if (p.getVerificationCase() == SetHumanPhone.VerificationCase.RETURN_CODE) {
            throw Protos.unsupported("phone.returnCode");
        }
        if (p.getVerificationCase() == SetHumanPhone.VerificationCase.IS_VERIFIED && !p.getIsVerified()) {
            throw DomainError.invalidField("phone.isVerified", "value must equal true");
        }
        return Contact.phone(p.getPhone(), p.getVerificationCase() == SetHumanPhone.VerificationCase.IS_VERIFIED);
    }

    static Details details(User u) {
        return Protos.details(u.version(), u.changedAt(), u.organizationId(), u.createdAt());
    }

    static UserState state(dev.roster.domain.UserState s) {
        return switch (s) {
            case INITIAL -> UserState.USER_STATE_INITIAL;
            case ACTIVE -> UserState.USER_STATE_ACTIVE;
            case INACTIVE -> UserState.USER_STATE_INACTIVE;
            case LOCKED -> UserState.USER_STATE_LOCKED;
            case DELETED -> UserState.USER_STATE_DELETED;
        };
    }

    /** Login names are the bare username (ZITADEL's default policy). Every optional profile field is printed. */
    public static dev.roster.proto.zitadel.user.v2.User user(User u) {
        HumanUser.Builder human = HumanUser.newBuilder()
                .setProfile(HumanProfile.newBuilder()
                        .setGivenName(u.profile().givenName())
                        .setFamilyName(u.profile().familyName())
                        .setNickName(u.profile().nickName())
                        .setDisplayName(u.profile().displayName())
                        .setPreferredLanguage(u.profile().preferredLanguage())
                        .setGender(dev.roster.proto.zitadel.user.v2.Gender.valueOf("GENDER_" + u.profile().gender().name())))
                .setEmail(HumanEmail.newBuilder().setEmail(u.email().value()).setIsVerified(u.email().verified()))
                .setPhone(HumanPhone.newBuilder().setPhone(u.phone().value()).setIsVerified(u.phone().verified()))
                .setPasswordChangeRequired(u.passwordChangeRequired());
        if (u.passwordChangedAt() != null) {
            human.setPasswordChanged(Protos.timestamp(u.passwordChangedAt()));
        }
        return dev.roster.proto.zitadel.user.v2.User.newBuilder()
                .setUserId(u.id())
                .setDetails(details(u))
                .setState(state(u.state()))
                .setUsername(u.username())
                .addLoginNames(u.username())
                .setPreferredLoginName(u.username())
                .setHuman(human)
                .build();
    }
}
