import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_migration_gives_each_existing_statement_its_own_uuid():
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    target = next(key for key in graph.leaf_nodes() if key[0] == "statements")
    adding = next(key for key in graph.nodes if key[0] == "statements" and key[1].endswith("_statement_uuid"))
    before = [parent for parent in graph.node_map[adding].parents if parent.key[0] == "statements"][0].key

    executor.migrate([before])
    old_state = MigrationExecutor(connection).loader.project_state([before])
    Statement = old_state.apps.get_model("statements", "Statement")
    for n in range(3):
        Statement.objects.create(title_ar=f"بيان {n}", published_on="2018-04-29", status="published")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])

    new_state = executor.loader.project_state([target])
    uuids = list(new_state.apps.get_model("statements", "Statement").objects.values_list("uuid", flat=True))
    assert len(uuids) == 3 and None not in uuids and len(set(uuids)) == 3
