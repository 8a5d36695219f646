package dev.todo.api.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What one source row of an import became, so that importing it again creates nothing. */
@Entity
@Table(name = "imported_item")
@IdClass(ImportedItem.Key.class)
public class ImportedItem {

    @Id
    @Column(name = "owner_id")
    private UUID ownerId;

    @Id
    @Column(name = "source_key")
    private String sourceKey;

    @Column(name = "task_id")
    private UUID taskId;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected ImportedItem() {}

    static ImportedItem task(UUID ownerId, String sourceKey, UUID taskId, Instant now) {
        ImportedItem item = new ImportedItem();
        item.ownerId = ownerId;
        item.sourceKey = sourceKey;
        item.taskId = taskId;
        item.importedAt = now;
        return item;
    }

    static ImportedItem conversation(UUID ownerId, String sourceKey, UUID conversationId, Instant now) {
        ImportedItem item = new ImportedItem();
        item.ownerId = ownerId;
        item.sourceKey = sourceKey;
        item.conversationId = conversationId;
        item.importedAt = now;
        return item;
    }

    /** The primary key: the owner and the source row's key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private UUID ownerId;
        private String sourceKey;

        public Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(ownerId, key.ownerId)
                    && Objects.equals(sourceKey, key.sourceKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ownerId, sourceKey);
        }
    }
}
