package cn.yunying.portal.security;

import cn.yunying.identity.application.AuthenticationOutcome;
import cn.yunying.identity.application.AuthenticationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Asks the identity context whether a user name and password are right. */
@ApplicationScoped
public class PasswordCheck {

    @EJB
    AuthenticationService authentication;

    public AuthenticationOutcome validate(UsernamePasswordCredential credential, String sourceAddress) {
        return authentication.authenticate(credential.getCaller(), credential.getPassword().getValue(), sourceAddress);
    }
}
