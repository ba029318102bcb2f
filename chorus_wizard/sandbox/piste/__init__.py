"""The sandbox's imitation of Chorus Pro through PISTE (OAuth2, /cpro/) and of API Recherche
d'entreprises (/search).
"""
