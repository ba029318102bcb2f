"""The sandbox's database: the storage and its queries, the schema and its migrations, the seed
data.
"""
