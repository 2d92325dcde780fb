package io.github.camelaerona;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

/**
 * A DataSource that notes, in order, what its connections are asked to do that bears on durability: the SQL they
 * prepare or execute, autocommit switches and commits. For tests that check the order of a budget's statements.
 */
final class StatementLog {

    private StatementLog() {
    }

    static DataSource of(DataSource target, List<String> log) {
        return (DataSource) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? connection(connection, log) : result;
                });
    }

    private static Connection connection(Connection target, List<String> log) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "prepareStatement", "prepareCall" -> log.add((String) args[0]);
                case "setAutoCommit" -> log.add("autoCommit=" + args[0]);
                case "commit" -> log.add("commit");
                case "rollback" -> log.add("rollback");
                default -> {
                }
            }
            return invoke(target, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] { Connection.class },
                handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
