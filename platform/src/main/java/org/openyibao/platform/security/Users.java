package org.openyibao.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's users (agency staff, auditors, monitoring), from configuration: name, password as
 * a {@code {bcrypt}…} hash (never plain text in a file) and roles. The demo adds its own with
 * random passwords it prints.
 */
@ConfigurationProperties(prefix = "yibao")
public class Users {
    public static final String AGENCY = "AGENCY";
    public static final String AUDITOR = "AUDITOR";
    public static final String MONITOR = "MONITOR";

    public record User(String name, String password, List<String> roles) {}

    private List<User> users = new ArrayList<>();

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }
}
