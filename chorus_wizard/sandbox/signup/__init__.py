"""The sandbox's signup services (the portal's steps the real API lacks): the rules, the routes,
the activation page, the throttle.
"""
