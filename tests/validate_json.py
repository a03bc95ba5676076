#!/usr/bin/env python3
"""Validates JSON responses against the API's JSON Schemas.

Usage: validate_json.py SCHEMA_DIR INSTANCE_DIR

Each file in INSTANCE_DIR is named NAME--ANYTHING.json and is validated against
SCHEMA_DIR/NAME.schema.json (schemas may $ref each other by file name). Prints
every failure; exits 0 when all are valid, 1 when any is not, 3 when the
jsonschema module is missing (Debian: python3-jsonschema)."""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("validate_json.py: the jsonschema module is missing (apt-get install python3-jsonschema)")
    sys.exit(3)


def load_schemas(schema_dir):
    schemas = {}
    for name in sorted(os.listdir(schema_dir)):
        if name.endswith(".schema.json"):
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                schemas[name[: -len(".schema.json")]] = json.load(f)
    return schemas


def validator_factory(schemas):
    cls = jsonschema.Draft202012Validator
    for schema in schemas.values():
        cls.check_schema(schema)
    try:  # jsonschema >= 4.18
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
        return lambda schema: cls(schema, registry=registry)
    except ImportError:  # older jsonschema, as in Debian 12
        store = {schema["$id"]: schema for schema in schemas.values()}
        return lambda schema: cls(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    schemas = load_schemas(sys.argv[1])
    make = validator_factory(schemas)
    failures = checked = 0
    for name in sorted(os.listdir(sys.argv[2])):
        schema_name = name.split("--", 1)[0]
        if schema_name not in schemas:
            print(f"{name}: no schema {schema_name}.schema.json")
            failures += 1
            continue
        with open(os.path.join(sys.argv[2], name), encoding="utf-8") as f:
            instance = json.load(f)
        errors = sorted(make(schemas[schema_name]).iter_errors(instance), key=lambda e: list(e.path))
        checked += 1
        for error in errors:
            failures += 1
            path = "/".join(str(p) for p in error.path)
            print(f"{name}: at /{path}: {error.message}")
    print(f"validate_json.py: {checked} documents checked, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
