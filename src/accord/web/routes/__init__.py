"""The routes: each module registers its pages with their JSON twins, and its actions."""
