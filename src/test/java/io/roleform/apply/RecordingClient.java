package io.roleform.apply;

import io.roleform.portal.LiveState;
import io.roleform.portal.NewRole;
import io.roleform.portal.PortalClient;
import io.roleform.portal.PortalException;
import io.roleform.portal.RolePatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A PortalClient that records each call as a line and fails the call numbered {@code failAt}. */
final class RecordingClient implements PortalClient {

  final List<String> calls = new ArrayList<>();
  private int failAt = -1;
  private PortalException failure;
  private int created;

  RecordingClient failOnCall(int callNumber, PortalException e) {
    this.failAt = callNumber;
    this.failure = e;
    return this;
  }

  private void record(String call) {
    calls.add(call);
    if (calls.size() == failAt) {
      throw failure;
    }
  }

  @Override
  public LiveState read() {
    throw new UnsupportedOperationException();
  }

  @Override
  public String createRole(NewRole role) {
    record("create " + role.name() + " perms=" + role.permissions() + " copyFrom=" + role.copyFromId());
    return "new" + (++created);
  }

  @Override
  public void updateRole(String roleId, RolePatch patch, String expectedVersion) {
    record("update " + roleId + " " + patch + " ifMatch=" + expectedVersion);
  }

  @Override
  public void deleteRole(String roleId, String moveMembersToId) {
    record("delete " + roleId + " moveTo=" + moveMembersToId);
  }

  @Override
  public void reorderRoles(List<String> roleIds) {
    record("order " + roleIds);
  }

  @Override
  public void changeMembers(String roleId, Set<String> add, Set<String> remove) {
    record("members " + roleId + " +" + new TreeSet<>(add) + " -" + new TreeSet<>(remove));
  }

  @Override
  public Optional<ApplierWrites> applierWrites() {
    return Optional.of(new ApplierWrites() {
      @Override
      public void approveUser(String userId, String roleId) {
        record("approve " + userId + " into " + roleId);
      }

      @Override
      public void denyUser(String userId) {
        record("deny " + userId);
      }
    });
  }

  @Override
  public Optional<SettingsWrites> settingsWrites() {
    return Optional.of((allowView, notifyMembers) -> record("settings allowView=" + allowView + " notify=" + notifyMembers));
  }

  @Override
  public Optional<OwnerWrites> ownerWrites() {
    return Optional.of(newOwnerUserId -> record("owner " + newOwnerUserId));
  }

  @Override
  public void close() {}
}
