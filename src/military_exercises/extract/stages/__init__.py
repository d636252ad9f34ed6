"""The extractor's stages, one module each, applied to the sentences of one exercise:

- :mod:`.past`: which sentences speak of an earlier exercise, and the main exercise's name;
- :mod:`.roles`: participants and their roles (host, participant, observer);
- :mod:`.location`: admin-1 area, sea, place and country;
- :mod:`.dates`: start and end of the main exercise;
- :mod:`.claims`: figures with their claimant, basis and contingent.
"""
